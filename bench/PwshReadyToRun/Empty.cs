// This project only precompiles its references (see PwshReadyToRun.csproj); it has no code of its own.
