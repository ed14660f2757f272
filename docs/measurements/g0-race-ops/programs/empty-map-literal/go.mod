module example.com/measure/empty-map-literal

go 1.19
