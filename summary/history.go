package summary

import "time"

// Submission is one stored submission as the history lists it: the value
// the store fills and the history listing renders.
type Submission struct {
	ID         int64      `json:"id"`
	File       string     `json:"file"`
	SHA256     string     `json:"sha256"`
	Size       int64      `json:"size"`
	Layout     string     `json:"layout"`
	Sheet      string     `json:"sheet"`
	Units      []string   `json:"units"`
	YearFrom   int        `json:"year_from,omitempty"`
	YearTo     int        `json:"year_to,omitempty"`
	Figures    int        `json:"figures"`
	InForce    int        `json:"in_force"` // figures of it still in force
	IngestedAt time.Time  `json:"ingested_at"`
	State      string     `json:"state"`
	RevertedAt *time.Time `json:"reverted_at,omitempty"`
}
