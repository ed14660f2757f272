module example.com/measure/returns-times-defers

go 1.19
