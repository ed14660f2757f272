module example.com/measure/time-now

go 1.19
