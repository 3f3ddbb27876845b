// Command genexcelize writes testdata/excelize.xlsx, the fixture made by
// excelize (tongket's template writer uses it). Run from the module root:
//
//	go run ./xlsx/testdata/genexcelize
package main

import (
	"log"

	"github.com/xuri/excelize/v2"
)

func main() {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", "Data"))
	set := func(cell string, v any) { must(f.SetCellValue("Data", cell, v)) }
	set("A1", "1.234")
	set("B1", 1.234)
	set("C1", 1234)
	set("D1", true)
	set("E1", "Tiếng Việt")
	set("F1", "a\r\nb")
	must(f.SetCellFormula("Data", "A2", "B1*2"))
	must(f.SetCellFormula("Data", "B2", "1/0"))

	// The stream writer writes a formula together with its value.
	_, err := f.NewSheet("Stream")
	must(err)
	sw, err := f.NewStreamWriter("Stream")
	must(err)
	must(sw.SetRow("A1", []any{"1.234", 1.234, excelize.Cell{Formula: "B1*2", Value: 2.468}, true}))
	must(sw.SetRow("A3", []any{nil, "gap"}))
	must(sw.Flush())

	_, err = f.NewSheet("Hidden")
	must(err)
	must(f.SetCellValue("Hidden", "A1", "x"))
	must(f.SetSheetVisible("Hidden", false))
	must(f.SaveAs("xlsx/testdata/excelize.xlsx"))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
