module smoke

go 1.23

require example.dev/amazonmusic/albums v0.1.0

// The generated client, where the README's command writes it, beside this program.
replace example.dev/amazonmusic/albums => ./clients/go-openapi-generator
