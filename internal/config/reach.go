package config

// OpenData describes the open data files the site publishes (program
// reach: /data/).
type OpenData struct {
	// Licence names the licence of the data files, for example
	// "CC BY 4.0"; LicenceURL links to its text. Empty: CC BY 4.0.
	Licence    string `yaml:"licence"`
	LicenceURL string `yaml:"licence_url"`
	// Publisher is who publishes the data (the department by default).
	Publisher string `yaml:"publisher"`
}

// DefaultLicence is the licence of open data files when site.yaml names
// none: Creative Commons Attribution 4.0, the licence Satu Data Indonesia
// recommends for open government data.
const (
	DefaultLicence    = "CC BY 4.0"
	DefaultLicenceURL = "https://creativecommons.org/licenses/by/4.0/deed.id"
)

// DataLicence returns the open data licence and its address, with the
// default when site.yaml names none.
func (c *Config) DataLicence() (name, url string) {
	if c.OpenData.Licence == "" {
		return DefaultLicence, DefaultLicenceURL
	}
	return c.OpenData.Licence, c.OpenData.LicenceURL
}

// DataPublisher is who publishes the open data files.
func (c *Config) DataPublisher() string {
	if c.OpenData.Publisher != "" {
		return c.OpenData.Publisher
	}
	if c.Department.Name != "" {
		return c.Department.Name
	}
	return c.Title
}
