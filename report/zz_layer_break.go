package report

import "github.com/tongket/tongket/store"

// Throwaway: shows the layering test fails when report imports store again.
var _ = store.Open
