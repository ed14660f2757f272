module example.com/measure/strings-hasprefix

go 1.19
