package main

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
)

type historyOptions struct {
	unit   string
	format string
}

func (a *app) historyCmd() *cobra.Command {
	o := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Các lần nộp đã lưu / every stored submission",
		Long: `Liệt kê mọi lần nộp đã lưu, mới nhất trước: số hiệu, thời gian, trạng thái (hiệu lực
hoặc đã rút), đơn vị, các năm, số liệu còn hiệu lực / tổng số, tên tệp và mã băm sha256.` + exitStatusHelp,
		Example: `  tongket history
  tongket history --unit HP-HONGBANG`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(o.format, "text", "json"); err != nil {
				return err
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			recs, err := db.History(cmd.Context(), o.unit)
			if err != nil {
				return err
			}
			if o.format == "json" {
				if recs == nil {
					recs = []store.Record{}
				}
				enc := json.NewEncoder(a.out)
				enc.SetIndent("", "  ")
				return enc.Encode(recs)
			}
			return report.WriteHistory(a.out, recs)
		},
	}
	cmd.Flags().StringVar(&o.unit, "unit", "", "chỉ các lần nộp của đơn vị có mã này")
	cmd.Flags().StringVar(&o.format, "format", "text", "định dạng: text|json")
	return cmd
}

func (a *app) revertCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "revert SỐ_LẦN_NỘP",
		Short: "Rút một lần nộp, số liệu cũ có hiệu lực lại / withdraw a submission",
		Long: `Rút một lần nộp (số hiệu xem bằng "tongket history"): với mỗi số liệu nó đang giữ hiệu
lực, số liệu của lần nộp trước đó có hiệu lực trở lại; số liệu không có lần nộp nào
trước đó thì coi như chưa báo cáo. Lần nộp vẫn được giữ trong lịch sử.` + exitStatusHelp,
		Example: `  tongket history --unit HP-HONGBANG
  tongket revert 12`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fail(err, "%q không phải số hiệu lần nộp; xem số hiệu bằng \"tongket history\".",
					"%q is not a submission number; see \"tongket history\".", args[0])
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			res, err := db.Revert(cmd.Context(), id)
			switch {
			case errors.Is(err, store.ErrNoSubmission):
				return fail(err, "không có lần nộp số %d; xem danh sách bằng \"tongket history\".", "there is no submission %d; see \"tongket history\".", id)
			case errors.Is(err, store.ErrAlreadyReverted):
				return fail(err, "lần nộp số %d đã được rút trước đây.", "submission %d was already reverted.", id)
			case err != nil:
				return err
			}
			a.info("Đã rút lần nộp số %d: %d số liệu trở về giá trị của lần nộp trước, %d số liệu giữ nguyên (lần nộp trước có cùng giá trị), %d số liệu không còn (chưa báo cáo).\n",
				res.SubmissionID, res.Restored, res.Unchanged, res.Removed)
			return nil
		},
	}
}
