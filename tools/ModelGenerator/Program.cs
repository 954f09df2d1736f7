using System.Text.Json;
using PSKube.ModelGenerator;

if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: ModelGenerator <swagger.json> <output folder>");
    return 2;
}

var (schemaPath, outputFolder) = (args[0], args[1]);
await using var schemaStream = File.OpenRead(schemaPath);
using var schema = await JsonDocument.ParseAsync(schemaStream);

var planner = new ModelPlanner(schema.RootElement.GetProperty("definitions"));
var models = planner.Plan(ModelRoots.Definitions);
var written = ModelWriter.Write(outputFolder, models);

Console.WriteLine($"Wrote {written} files for {models.Count} models to {outputFolder}.");
return 0;
