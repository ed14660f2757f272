module example.com/measure/map-literal-one-entry

go 1.19
