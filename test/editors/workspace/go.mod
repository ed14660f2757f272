module example.com/g0guard-editor-fixture

go 1.19
