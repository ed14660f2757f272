module example.com/measure/go-statement-on-g0

go 1.19
