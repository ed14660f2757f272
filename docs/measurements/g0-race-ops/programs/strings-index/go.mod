module example.com/measure/strings-index

go 1.19
