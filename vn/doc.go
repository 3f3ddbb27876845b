// Package vn handles Vietnamese text in officers' submissions: numbers
// typed the Vietnamese way ("1.234,5"), raw numeric cell values from XLSX,
// formatting figures back the way officers write them, and the keys used to
// match labels and unit names whatever their case, spacing, Unicode form or
// tone-mark placement.
//
// Keys (Key, UnitKey, StripAccents) are for comparison only; never show
// them to the user, show the original text.
package vn
