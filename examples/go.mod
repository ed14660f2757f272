module example.com/g0guard-examples

go 1.19
