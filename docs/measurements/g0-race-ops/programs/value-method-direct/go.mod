module example.com/measure/value-method-direct

go 1.19
