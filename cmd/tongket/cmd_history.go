package main

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
)

type historyOptions struct {
	deps
	unit   string
	format string
}

func (a *app) historyCmd() *cobra.Command { return newHistoryCmd(a.deps, nil) }

// newHistoryCmd makes "history"; runF, if set, runs instead of runHistory
// (tests of the flags).
func newHistoryCmd(get func() deps, runF func(context.Context, *historyOptions) error) *cobra.Command {
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
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runHistory(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.unit, "unit", "", "chỉ các lần nộp của đơn vị có mã này")
	formatFlag(cmd, &o.format, "định dạng: text|json", "text", "json")
	return cmd
}

func runHistory(ctx context.Context, o *historyOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	recs, err := db.History(ctx, o.unit)
	if err != nil {
		return err
	}
	if o.format == "json" {
		if recs == nil {
			recs = []store.Record{}
		}
		enc := json.NewEncoder(o.out)
		enc.SetIndent("", "  ")
		return enc.Encode(recs)
	}
	return report.WriteHistory(o.out, recs, o.lang)
}

type revertOptions struct {
	deps
	id int64
}

func (a *app) revertCmd() *cobra.Command { return newRevertCmd(a.deps, nil) }

// newRevertCmd makes "revert"; runF, if set, runs instead of runRevert
// (tests of the flags).
func newRevertCmd(get func() deps, runF func(context.Context, *revertOptions) error) *cobra.Command {
	o := &revertOptions{}
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
			o.deps, o.id = get(), id
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runRevert(cmd.Context(), o)
		},
	}
}

func runRevert(ctx context.Context, o *revertOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Revert(ctx, o.id)
	switch {
	case errors.Is(err, store.ErrNoSubmission):
		return fail(err, "không có lần nộp số %d; xem danh sách bằng \"tongket history\".", "there is no submission %d; see \"tongket history\".", o.id)
	case errors.Is(err, store.ErrAlreadyReverted):
		return fail(err, "lần nộp số %d đã được rút trước đây.", "submission %d was already reverted.", o.id)
	case err != nil:
		return err
	}
	o.sayf("Đã rút lần nộp số %d: %d số liệu trở về giá trị của lần nộp trước, %d số liệu giữ nguyên (lần nộp trước có cùng giá trị), %d số liệu không còn (chưa báo cáo).",
		"Submission %d withdrawn: %d figures back to the earlier submission's value, %d unchanged (the earlier submission had the same value), %d no longer reported.",
		res.SubmissionID, res.Restored, res.Unchanged, res.Removed)
	return nil
}
