// Loaded by dotnet-interactive.ipynb with #load.
int Double(int x) => 2 * x;
