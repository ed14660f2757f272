module example.com/measure/struct-literal-value

go 1.19
