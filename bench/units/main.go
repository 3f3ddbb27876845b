// Command units writes a national unit list with the 2025 reorganisation
// (FORMATS.md §10) for timing "tongket units import" and summaries across
// the change on the generated national set (bench/README.md):
//
//	units -new 3321 -old 10000 -out ds-quoc-gia.xlsx
//
// The new communes are X00001 … (the codes bench/gen gives its units), in
// force from 01/07/2025. The old ones, O00001 …, each went to one of them
// on that day, one in ten split 0,6/0,4 between two; one in thirty was
// first renamed (R…, on 01/01/2020), a chain of two changes. Deterministic.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/tongket/tongket/unitlist"
)

func main() {
	nNew := flag.Int("new", 3321, "new communes (X00001 …)")
	nOld := flag.Int("old", 10000, "old communes that went to them")
	out := flag.String("out", "ds-quoc-gia.xlsx", "the workbook to write")
	flag.Parse()
	if *nNew < 2 || *nOld < 1 {
		fmt.Fprintln(os.Stderr, "units: -new must be at least 2 and -old at least 1")
		os.Exit(2)
	}
	units, succ := national(*nNew, *nOld)
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "units:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	if err := unitlist.Write(w, units, succ); err != nil {
		fmt.Fprintln(os.Stderr, "units:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil || f.Close() != nil {
		fmt.Fprintln(os.Stderr, "units: cannot write", *out)
		os.Exit(1)
	}
	fmt.Printf("%s: %d units, %d successions\n", *out, len(units), len(succ))
}

const (
	nq1669 = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025"
	nq2020 = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã giai đoạn 2019–2021"
)

func national(nNew, nOld int) ([]unitlist.Unit, []unitlist.Succession) {
	var units []unitlist.Unit
	var succ []unitlist.Succession
	for i := 1; i <= nNew; i++ {
		units = append(units, unitlist.Unit{Code: fmt.Sprintf("X%05d", i), Name: fmt.Sprintf("Xã Đông Xuân %d", i),
			Parent: "T", Level: "Xã", ValidFrom: "2025-07-01"})
	}
	for j := 1; j <= nOld; j++ {
		old := fmt.Sprintf("O%05d", j)
		to := fmt.Sprintf("X%05d", 1+(j-1)*nNew/nOld)
		if j%30 == 0 { // renamed in 2020 first
			units = append(units, unitlist.Unit{Code: old, Name: fmt.Sprintf("Xã cũ %d", j), Level: "Xã", ValidTo: "2019-12-31"})
			succ = append(succ, unitlist.Succession{Old: old, New: "R" + old[1:], Date: "2020-01-01", Share: unitlist.Whole, Basis: nq2020})
			old = "R" + old[1:]
			units = append(units, unitlist.Unit{Code: old, Name: fmt.Sprintf("Xã cũ %d (mới đổi tên)", j), Level: "Xã",
				ValidFrom: "2020-01-01", ValidTo: "2025-06-30"})
		} else {
			units = append(units, unitlist.Unit{Code: old, Name: fmt.Sprintf("Xã cũ %d", j), Level: "Xã", ValidTo: "2025-06-30"})
		}
		if j%10 == 0 { // split between two new communes
			other := fmt.Sprintf("X%05d", 1+(1+(j-1)*nNew/nOld)%nNew)
			succ = append(succ,
				unitlist.Succession{Old: old, New: to, Date: "2025-07-01", Share: 600000, Basis: nq1669},
				unitlist.Succession{Old: old, New: other, Date: "2025-07-01", Share: 400000, Basis: nq1669})
			continue
		}
		succ = append(succ, unitlist.Succession{Old: old, New: to, Date: "2025-07-01", Share: unitlist.Whole, Basis: nq1669})
	}
	return units, succ
}
