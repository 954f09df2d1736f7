namespace PSKube.FakeCluster.Protobuf;

/// <summary>How a field's protobuf value is read and rendered as JSON.</summary>
internal enum ProtobufFieldKind
{
    String,
    Int32,
    Int64,
    Bool,

    /// <summary>Raw bytes, rendered base64 as Go's encoding/json does for []byte.</summary>
    Bytes,

    /// <summary>A nested message, rendered as a JSON object under the field's name.</summary>
    Message,

    /// <summary>A Go embedded struct (<c>json:",inline"</c>): its fields land directly in the parent object.</summary>
    InlineMessage,

    /// <summary>map&lt;string, V&gt;: repeated entries with key = 1 and value = 2; V is the field's map value kind.</summary>
    Map,

    /// <summary>util/intstr.IntOrString {1 type, 2 intVal, 3 strVal}, rendered as a number or a string.</summary>
    IntOrString,

    /// <summary>meta/v1.Time {1 seconds, 2 nanos}, rendered as RFC 3339 in UTC with a Z.</summary>
    Time,

    /// <summary>api/resource.Quantity {1 string}, rendered as that string.</summary>
    Quantity,
}
