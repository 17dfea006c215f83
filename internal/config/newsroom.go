package config

import "fmt"

// Newsroom tunes the web editor that warta serve offers at /_redaksi/.
type Newsroom struct {
	// UploadLimitMB is the largest file staff may upload, in megabytes
	// (default 25).
	UploadLimitMB int `yaml:"upload_limit_mb"`
}

// resolveNewsroom applies the newsroom's defaults and checks its values.
func (c *Config) resolveNewsroom(data []byte) []diagnostic {
	var ds []diagnostic
	if c.Newsroom.UploadLimitMB == 0 {
		c.Newsroom.UploadLimitMB = 25
	}
	if c.Newsroom.UploadLimitMB < 1 || c.Newsroom.UploadLimitMB > 2048 {
		ds = append(ds, invalid(data, "upload_limit_mb", fmt.Sprintf("must be between 1 and 2048 megabytes, not %d", c.Newsroom.UploadLimitMB)))
		c.Newsroom.UploadLimitMB = 25
	}
	return ds
}
