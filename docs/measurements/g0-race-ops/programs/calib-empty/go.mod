module example.com/measure/calib-empty

go 1.19
