module example.com/measure/strconv-itoa

go 1.19
