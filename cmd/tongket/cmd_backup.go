package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/vn"
)

type backupOptions struct {
	deps
	output string
	force  bool
}

func (a *app) backupCmd() *cobra.Command { return newBackupCmd(a.deps, nil) }

// newBackupCmd makes "backup"; runF, if set, runs instead of runBackup
// (tests of the flags).
func newBackupCmd(get func() deps, runF func(context.Context, *backupOptions) error) *cobra.Command {
	o := &backupOptions{}
	cmd := &cobra.Command{
		Use:   "backup -o TỆP",
		Short: "Sao lưu cơ sở dữ liệu ra một tệp / back up the database",
		Long: `Chép toàn bộ cơ sở dữ liệu ra một tệp, an toàn cả khi lệnh tongket khác đang chạy: bản
sao là trạng thái trọn vẹn tại một thời điểm, chỉ chứa những lần nộp đã lưu xong. Bản sao
được ghi vào tệp tạm bên cạnh, kiểm tra, rồi mới đổi thành tên -o; tệp đã có thì không ghi
đè, trừ khi thêm --force. -o là thư mục (hoặc bỏ trống) thì tệp được đặt tên theo ngày giờ:
tongket-sao-luu-20240115-090000.db. In ra đường dẫn và dung lượng tệp.
Khôi phục bằng "tongket restore TỆP". Nên chép bản sao sang ổ đĩa khác hoặc USB.

Copies the whole database to a file, safely while other commands run; refuses to
overwrite an existing file unless --force; prints the path and size.` + exitStatusHelp,
		Example: `  tongket backup -o D:\sao-luu\tongket-2024-01-15.db
  tongket backup -o sao-luu/
  tongket backup -o sao-luu.db --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runBackup(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "tệp sao lưu, hoặc thư mục (mặc định thư mục hiện tại)")
	cmd.Flags().BoolVar(&o.force, "force", false, "ghi đè tệp sao lưu đã có")
	return cmd
}

func runBackup(ctx context.Context, o *backupOptions) error {
	if st, err := os.Stat(o.dbPath); err != nil || st.IsDir() {
		return fail(err, "không có cơ sở dữ liệu %s để sao lưu: hãy chỉ đúng tệp bằng --db (hoặc biến TONGKET_DB).",
			"there is no database %s to back up: name it with --db (or TONGKET_DB).", o.dbPath)
	}
	out, err := store.BackupPath(o.output, o.now())
	var se *store.Error
	switch {
	case errors.As(err, &se) && se.Code == store.CodeBackupFolder:
		return fail(se.Err, "%s", "%s", storeText(se)) // a refusal of the command's, as the other folders are
	case err != nil:
		return err
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := db.Backup(ctx, out, o.force)
	switch {
	case errors.Is(err, store.ErrExists):
		return fail(err, "tệp %s đã có: hãy chọn tên khác, hoặc thêm --force để ghi đè.",
			"%s already exists: choose another name, or add --force to overwrite it.", out)
	case errors.Is(err, store.ErrSameFile):
		return fail(err, "tệp sao lưu %s phải khác tệp cơ sở dữ liệu đang dùng.",
			"the backup %s must not be the database itself.", out)
	case err != nil:
		return err
	}
	fmt.Fprintf(o.out, "%s (%s)\n", info.Path, sizeText(info.Size))
	o.sayf("Đã sao lưu %d lần nộp, %d danh sách khen thưởng. Khôi phục bằng: tongket restore %s",
		"Backed up %d submissions and %d award rosters. Restore with: tongket restore %s",
		info.Submissions, info.Rosters, info.Path)
	return nil
}

type restoreOptions struct {
	deps
	file   string
	dryRun bool
}

func (a *app) restoreCmd() *cobra.Command { return newRestoreCmd(a.deps, nil) }

// newRestoreCmd makes "restore"; runF, if set, runs instead of runRestore
// (tests of the flags).
func newRestoreCmd(get func() deps, runF func(context.Context, *restoreOptions) error) *cobra.Command {
	o := &restoreOptions{}
	cmd := &cobra.Command{
		Use:   "restore TỆP",
		Short: "Khôi phục cơ sở dữ liệu từ bản sao lưu / restore the database from a backup",
		Long: `Kiểm tra tệp trước: phải là tệp SQLite nguyên vẹn (PRAGMA integrity_check), là cơ sở dữ
liệu của tongket, do phiên bản này hoặc cũ hơn tạo ra, và không còn tệp -wal bên cạnh. Tệp
không đạt thì từ chối, không thay đổi gì.

Đạt thì thay toàn bộ nội dung cơ sở dữ liệu (--db) bằng nội dung tệp trong một giao dịch:
lệnh tongket khác đang chạy sẽ chờ, mất điện giữa chừng thì cơ sở dữ liệu vẫn như cũ. Cơ sở
dữ liệu cũ được giữ lại thành tệp <db>.truoc-khi-khoi-phuc-<ngày-giờ> (xóa đi khi không cần).
Bản sao lưu của phiên bản cũ hơn được nâng cấp ngay sau khi khôi phục.
--dry-run chỉ kiểm tra tệp.

Checks the file (SQLite, integrity, a tongket database not newer than this tongket),
then replaces the database's contents in one transaction, keeping the old database as
<db>.truoc-khi-khoi-phuc-<time>. A file that fails a check changes nothing.` + exitStatusHelp,
		Example: `  tongket restore D:\sao-luu\tongket-2024-01-15.db
  tongket restore --dry-run sao-luu.db
  tongket --db cong-an-quan.db restore sao-luu.db`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.deps, o.file = get(), args[0]
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runRestore(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "chỉ kiểm tra tệp, không khôi phục")
	return cmd
}

func runRestore(ctx context.Context, o *restoreOptions) error {
	if o.dryRun {
		info, err := store.CheckFile(ctx, o.file)
		if err != nil {
			return err
		}
		fmt.Fprintln(o.out, lang.F("%s: hợp lệ, %d lần nộp, %d danh sách khen thưởng (lược đồ %d, %s).",
			"%s: valid, %d submissions, %d award rosters (schema %d, %s).",
			o.file, info.Submissions, info.Rosters, info.SchemaVersion, sizeText(info.Size)).In(o.lang))
		return nil
	}
	res, err := store.Restore(ctx, o.dbPath, o.file, store.RestoreOptions{Now: o.now})
	if errors.Is(err, store.ErrSameFile) {
		return fail(err, "tệp %s chính là cơ sở dữ liệu đang dùng (--db): hãy chỉ tệp sao lưu.",
			"%s is the database itself (--db): name a backup file.", o.file)
	}
	if err != nil {
		return err
	}
	// Opening upgrades a backup of an older schema.
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	db.Close()
	o.sayf("Đã khôi phục %s từ %s: %d lần nộp, %d danh sách khen thưởng.",
		"Restored %s from %s: %d submissions, %d award rosters.",
		o.dbPath, o.file, res.Restored.Submissions, res.Restored.Rosters)
	if res.Kept != "" {
		o.sayf("Cơ sở dữ liệu cũ được giữ tại %s.", "The old database is kept as %s.", res.Kept)
	}
	return nil
}

// sizeText writes a file size as officers read it: 812 byte, 245 KB, 1,2 MB.
func sizeText(n int64) string {
	const k = 1024
	switch {
	case n < k:
		return fmt.Sprintf("%d byte", n)
	case n < k*k:
		return vn.FormatInt((n+k/2)/k) + " KB"
	case n < k*k*k:
		return vn.FormatHundredths(n*100/(k*k), 1) + " MB"
	}
	return vn.FormatHundredths(n/(k*k)*100/k, 1) + " GB"
}
