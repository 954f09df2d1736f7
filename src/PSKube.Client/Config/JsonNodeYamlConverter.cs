using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>
/// Reads free-form kubeconfig data (extensions) as JSON: the node's events are re-emitted as a YAML text and
/// converted by <see cref="YamlJson"/>, so scalars are typed the same way as in manifests.
/// </summary>
internal sealed class JsonNodeYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => typeof(JsonNode).IsAssignableFrom(type);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        using var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        var depth = 0;
        do
        {
            var current = parser.Consume<ParsingEvent>();
            depth += current.NestingIncrease;
            // Anchors are meaningless once detached from the document, and an alias would dangle.
            emitter.Emit(current switch
            {
                Scalar scalar => new Scalar(AnchorName.Empty, scalar.Tag, scalar.Value, scalar.Style, scalar.IsPlainImplicit, scalar.IsQuotedImplicit),
                MappingStart mapping => new MappingStart(AnchorName.Empty, mapping.Tag, mapping.IsImplicit, mapping.Style),
                SequenceStart sequence => new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.IsImplicit, sequence.Style),
                AnchorAlias => new Scalar(string.Empty),
                _ => current,
            });
        }
        while (depth > 0);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return YamlJson.ToJson(text.ToString());
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Kubeconfig files are edited through their YAML representation, never serialized from the model.");
}
