package main

import (
	"path/filepath"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
)

// storeText words a database problem for the officer, in both languages:
// what went wrong and what to do, naming the flags that fix it. The store
// only says which problem it was (store.Error.Code).
func storeText(se *store.Error) lang.Text {
	name := se.Name
	if name == "" {
		name = se.Path
	}
	dir := filepath.Dir(se.Path)
	switch se.Code {
	case store.CodeFolderMissing:
		return lang.F("Thư mục %s không có (hoặc không phải thư mục) nên không tạo được cơ sở dữ liệu ở đó. Hãy tạo thư mục, hoặc chỉ --db tới chỗ khác.",
			"The folder %s does not exist (or is not a folder), so no database can be made there. Create the folder, or point --db elsewhere.", name)
	case store.CodeOpenFailed:
		return lang.F("Không mở được cơ sở dữ liệu %s.", "The database %s cannot be opened.", se.Path)
	case store.CodeUnreadable:
		return lang.F("Không đọc được tệp %s: hãy kiểm tra quyền truy cập.", "The file %s cannot be read: check its permissions.", name)
	case store.CodeNotTongket:
		return lang.F("Tệp %s không phải là cơ sở dữ liệu của tongket. Hãy chỉ đúng tệp bằng --db, hoặc dùng tên tệp khác.",
			"%s is not a tongket database. Point --db at the right file, or use another file name.", se.Path)
	case store.CodeForeignDB:
		return lang.F("Tệp %s là cơ sở dữ liệu SQLite của chương trình khác, không phải của tongket. Hãy chỉ đúng tệp bằng --db, hoặc dùng tên tệp khác.",
			"%s is another program's SQLite database, not tongket's. Point --db at the right file, or use another file name.", se.Path)
	case store.CodeCorrupt:
		return lang.F("Không đọc được cơ sở dữ liệu %s: tệp bị hỏng hoặc không phải của tongket. Hãy khôi phục từ bản sao lưu (tongket restore).",
			"The database %s cannot be read: it is damaged or not tongket's. Restore it from a backup (tongket restore).", se.Path)
	case store.CodeNewerSchema:
		return lang.F("Tệp %s do phiên bản tongket mới hơn tạo ra. Hãy cài phiên bản tongket mới nhất.",
			"%s was written by a newer tongket. Install the latest tongket.", name)
	case store.CodeWriteFailed:
		return lang.F("Không ghi được vào cơ sở dữ liệu %s. Hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ trống.",
			"Cannot write to the database %s. Check that its folder is writable and the disk has room.", se.Path)
	case store.CodeBusy:
		return lang.F("Cơ sở dữ liệu đang bận vì một lệnh tongket khác đang ghi quá lâu. Hãy chờ lệnh đó xong rồi chạy lại.",
			"The database is busy: another tongket command has been writing too long. Wait for it to finish and run again.")
	case store.CodeDiskFull:
		return lang.F("Ổ đĩa đã đầy: hãy giải phóng chỗ trống rồi chạy lại. Không tệp nào bị lưu dở dang.",
			"The disk is full: free some space and run again. No file was stored half-way.")
	case store.CodeReadOnly:
		return lang.F("Cơ sở dữ liệu %s chỉ đọc: hãy kiểm tra quyền ghi của tệp và thư mục chứa nó.",
			"The database %s is read-only: check the permissions of the file and its folder.", se.Path)
	case store.CodeNotFound:
		return lang.F("Không tìm thấy tệp %s.", "There is no file %s.", name)
	case store.CodeNotAFile:
		return lang.F("%s không phải là tệp thường: hãy chọn tên tệp khác.", "%s is not a regular file: choose another file name.", name)
	case store.CodeCannotWrite:
		return lang.F("Không ghi được tệp %s: hãy kiểm tra quyền ghi.", "Cannot write %s: check the permissions.", name)
	case store.CodeFolderUnwritable:
		return lang.F("Không tạo được tệp trong thư mục %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
			"Cannot make a file in the folder %s: check that it exists and is writable.", name)
	case store.CodeDBIsFolder:
		return lang.F("%s là một thư mục: hãy chỉ tệp cơ sở dữ liệu bằng --db.", "%s is a folder: point --db at the database file.", name)
	case store.CodeBackupNoName:
		return lang.F("Hãy ghi tên tệp sao lưu, ví dụ -o sao-luu.db.", "Give the backup a file name, e.g. -o sao-luu.db.")
	case store.CodeBackupSameFile:
		return lang.F("Tệp sao lưu phải khác tệp cơ sở dữ liệu đang dùng: hãy chọn tên khác, ví dụ sao-luu.db.",
			"The backup must not be the database in use: choose another name, e.g. sao-luu.db.")
	case store.CodeBackupIsFolder:
		return lang.F("%s là một thư mục: hãy ghi tên tệp sao lưu, ví dụ %s.", "%s is a folder: give the backup a file name, e.g. %s.",
			name, filepath.Join(name, "sao-luu.db"))
	case store.CodeBackupFolder:
		return lang.F("không tạo được thư mục %s.", "cannot create the folder %s.", name)
	case store.CodeBackupExists:
		return lang.F("Tệp %s đã có: hãy chọn tên khác, hoặc thêm --force để ghi đè.", "%s exists: choose another name, or add --force to overwrite it.", name)
	case store.CodeBackupWrite:
		return lang.F("Không ghi được bản sao lưu vào %s: hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ trống. Cơ sở dữ liệu không bị thay đổi.",
			"Cannot write the backup into %s: check that the folder is writable and the disk has room. The database is unchanged.", name)
	case store.CodeBackupDiskFull:
		return lang.F("Ổ đĩa chứa %s đã đầy: hãy giải phóng chỗ trống hoặc sao lưu sang ổ khác. Cơ sở dữ liệu không bị thay đổi.",
			"The disk holding %s is full: free some space or back up to another disk. The database is unchanged.", name)
	case store.CodeBackupCheckFailed:
		return lang.F("Bản sao vừa tạo không đạt kiểm tra; cơ sở dữ liệu có thể bị hỏng. Hãy chạy lại; nếu vẫn lỗi, hãy giữ nguyên tệp cơ sở dữ liệu và nhờ hỗ trợ.",
			"The copy just made fails its check; the database may be damaged. Run again; if it still fails, keep the database file as it is and ask for help.")
	case store.CodeBackupFileIsFolder:
		return lang.F("%s là một thư mục, không phải tệp sao lưu.", "%s is a folder, not a backup file.", name)
	case store.CodeBackupUnfinished:
		return lang.F("Bên cạnh %s còn tệp %s: tệp đang được dùng hoặc chưa đóng hẳn, nên chưa chứa đủ dữ liệu. Hãy tạo bản sao bằng \"tongket backup\" rồi dùng bản sao đó.",
			"Beside %s there is %s: the file is in use or was not closed, so it does not hold all its data. Make a copy with \"tongket backup\" and use that.", se.Path, name)
	case store.CodeBackupNotTongket:
		return lang.F("Tệp %s không phải là cơ sở dữ liệu của tongket (không phải tệp SQLite). Hãy chọn đúng tệp sao lưu do \"tongket backup\" tạo ra.",
			"%s is not a tongket database (not an SQLite file). Choose a backup made by \"tongket backup\".", name)
	case store.CodeBackupForeign:
		return lang.F("Tệp %s là cơ sở dữ liệu SQLite nhưng không phải của tongket. Hãy chọn đúng tệp sao lưu do \"tongket backup\" tạo ra.",
			"%s is an SQLite database, but not tongket's. Choose a backup made by \"tongket backup\".", name)
	case store.CodeBackupCorrupt:
		return lang.F("Tệp %s bị hỏng (không đạt kiểm tra toàn vẹn của SQLite). Hãy dùng một bản sao lưu khác.",
			"%s is damaged (it fails SQLite's integrity check). Use another backup.", name)
	case store.CodeRestoreSameFile:
		return lang.F("Tệp %s chính là cơ sở dữ liệu đang dùng (--db): hãy chỉ tệp sao lưu.",
			"%s is the database in use (--db): name the backup file.", name)
	case store.CodeRestoreCopy:
		return lang.F("Không chép được bản sao lưu vào thư mục %s: hãy kiểm tra thư mục có tồn tại, có quyền ghi và ổ đĩa còn chỗ trống. Cơ sở dữ liệu không bị thay đổi.",
			"Cannot copy the backup into the folder %s: check that it exists, is writable and the disk has room. The database is unchanged.", name)
	case store.CodeRestoreForeignTarget:
		return lang.F("%s là cơ sở dữ liệu SQLite của chương trình khác, không phải của tongket: không ghi đè. Hãy chỉ đúng tệp bằng --db.",
			"%s is another program's SQLite database, not tongket's: it is not overwritten. Point --db at the right file.", name)
	case store.CodeRestoreOpenCopy:
		return lang.F("Không mở được bản sao lưu đã chép. Cơ sở dữ liệu không bị thay đổi.", "The copied backup cannot be opened. The database is unchanged.")
	case store.CodeRestorePrepare:
		return lang.F("Không chuẩn bị được bản sao lưu đã chép. Cơ sở dữ liệu không bị thay đổi.", "The copied backup cannot be prepared. The database is unchanged.")
	case store.CodeRestoreKeep:
		return lang.F("Không chép được cơ sở dữ liệu cũ ra %s trước khi khôi phục: hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ trống. Không có gì bị thay đổi.",
			"Cannot keep the old database as %s before restoring: check that the folder is writable and the disk has room. Nothing was changed.", name)
	case store.CodeRestoreRename:
		return lang.F("Không đổi tên được %s: tệp đang được một chương trình khác dùng, hoặc thư mục không có quyền ghi. Hãy đóng các lệnh tongket khác rồi chạy lại. Không có gì bị thay đổi.",
			"Cannot rename %s: another program is using it, or the folder is not writable. Close other tongket commands and run again. Nothing was changed.", name)
	case store.CodeRestoreWrite:
		return lang.F("Không ghi được %s: hãy kiểm tra quyền ghi. Không có gì bị thay đổi.", "Cannot write %s: check the permissions. Nothing was changed.", name)
	}
	return lang.F("Lỗi cơ sở dữ liệu (%s) ở %s. Hãy kiểm tra thư mục %s.", "Database error (%s) at %s. Check the folder %s.", se.Code, se.Path, dir)
}
