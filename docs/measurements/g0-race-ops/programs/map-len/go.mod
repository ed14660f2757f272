module example.com/measure/map-len

go 1.19
