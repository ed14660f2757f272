module example.com/measure/builder-writestring

go 1.19
