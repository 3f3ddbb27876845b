// Package layers holds no code, only the rule of DESIGN.md's data flow as
// a test: which of tongket's packages each package may import. Reading
// (xlsx, table, submission, roster, unitlist, catalogbook) knows no
// database; the store knows no Excel and no renderer; renderers never query
// the database; nothing imports the commands. A change that breaks the
// plan fails layers_test.go instead of waiting for someone to notice.
package layers
