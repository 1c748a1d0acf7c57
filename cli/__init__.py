"""The click front end of prov: parse, call one library function, render, map errors to exit codes."""
