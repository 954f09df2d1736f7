// This project only precompiles its references (see ReadyToRun.csproj); it has no code of its own.
