module example.com/measure/calib-map-assign

go 1.19
