// Command floor is the benchmark's lower bound (bench/run): it streams every
// cell of every sheet of the given workbooks with excelize (OpenFile, Rows,
// Columns) and does nothing else: no parsing of numbers, no checks, no
// storage. Files are read by a pool of runtime.NumCPU() workers; a single
// file (the long sheet) is one job, so it has one reader.
//
//	floor bench/out/data/wide          every *.xlsx in the folder
//	floor bench/out/data/long.xlsx     one file
//
// It prints the number of files, rows and non-empty cells read.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

func main() {
	workers := flag.Int("workers", runtime.NumCPU(), "files read at once")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: floor [-workers N] FILE.xlsx|DIR...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *workers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	var files []string
	for _, arg := range flag.Args() {
		st, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(2)
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		ents, err := os.ReadDir(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(2)
		}
		for _, e := range ents {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") {
				files = append(files, filepath.Join(arg, e.Name()))
			}
		}
	}
	sort.Strings(files)

	var rows, cells atomic.Int64
	var failed atomic.Bool
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(*workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				r, c, err := stream(path)
				if err != nil {
					fmt.Fprintf(os.Stderr, "floor: %s: %v\n", path, err)
					failed.Store(true)
				}
				rows.Add(r)
				cells.Add(c)
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d files, %d rows, %d cells\n", len(files), rows.Load(), cells.Load())
	if failed.Load() {
		os.Exit(1)
	}
}

// stream reads every row of every sheet of path and counts the rows and
// the non-empty cells.
func stream(path string) (nrows, ncells int64, err error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rs, err := f.Rows(sheet)
		if err != nil {
			return nrows, ncells, err
		}
		for rs.Next() {
			cols, err := rs.Columns()
			if err != nil {
				rs.Close()
				return nrows, ncells, err
			}
			nrows++
			for _, v := range cols {
				if v != "" {
					ncells++
				}
			}
		}
		if err := rs.Error(); err != nil {
			rs.Close()
			return nrows, ncells, err
		}
		if err := rs.Close(); err != nil {
			return nrows, ncells, err
		}
	}
	return nrows, ncells, nil
}
