package config

// OpenData describes the open data files the site publishes (program
// reach: /data/).
type OpenData struct {
	// Licence names the licence of the data files, for example
	// "CC BY 4.0"; LicenceURL links to its text.
	Licence    string `yaml:"licence"`
	LicenceURL string `yaml:"licence_url"`
}
