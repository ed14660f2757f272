module example.com/measure/make-map

go 1.19
