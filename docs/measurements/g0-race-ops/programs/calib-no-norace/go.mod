module example.com/measure/calib-no-norace

go 1.19
