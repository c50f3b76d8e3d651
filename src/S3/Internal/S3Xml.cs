using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Upt.S3.Internal;

/// <summary>Reads the XML documents S3 answers with. Element names are matched without namespace (servers differ in it).</summary>
internal static class S3Xml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses a <c>ListBucketResult</c> (ListObjectsV2). URL-encoded keys are decoded when the answer says <c>EncodingType=url</c>.</summary>
    public static ListObjectsV2Result ReadListObjectsV2(Stream xml)
    {
        var root = Load(xml);
        if (root.Name.LocalName != "ListBucketResult")
        {
            throw new InvalidDataException($"Expected a ListBucketResult document, got <{root.Name.LocalName}>.");
        }

        // Only decode when the server confirms the encoding: servers that ignore encoding-type=url send raw keys,
        // and decoding those would corrupt keys containing '%' or '+'.
        var urlEncoded = string.Equals(Child(root, "EncodingType"), "url", StringComparison.OrdinalIgnoreCase);
        string Decode(string value) => urlEncoded ? UrlDecode(value) : value;

        var objects = new List<S3ObjectSummary>();
        var prefixes = new List<string>();
        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "Contents":
                    objects.Add(new S3ObjectSummary(
                        Decode(Required(element, "Key")),
                        long.Parse(Required(element, "Size"), NumberStyles.None, CultureInfo.InvariantCulture),
                        Child(element, "ETag") ?? string.Empty,
                        DateTimeOffset.Parse(Required(element, "LastModified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                        Child(element, "StorageClass")));
                    break;
                case "CommonPrefixes":
                    prefixes.Add(Decode(Required(element, "Prefix")));
                    break;
            }
        }

        var truncated = string.Equals(Child(root, "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
        var next = Child(root, "NextContinuationToken");
        if (truncated && string.IsNullOrEmpty(next))
        {
            throw new InvalidDataException("The ListBucketResult is truncated but has no NextContinuationToken.");
        }

        return new ListObjectsV2Result(objects, prefixes, truncated, truncated ? next : null);
    }

    /// <summary>Reads <c>Code</c>, <c>Message</c> and <c>RequestId</c> of an <c>Error</c> document; nulls when the body is not one.</summary>
    public static (string? Code, string? Message, string? RequestId) ReadError(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            var root = Load(stream);
            return root.Name.LocalName == "Error"
                ? (NullIfEmpty(Child(root, "Code")), Child(root, "Message"), NullIfEmpty(Child(root, "RequestId")))
                : default;
        }
        catch (XmlException)
        {
            return default;
        }
    }

    private static XElement Load(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Settings);
        return XDocument.Load(reader).Root ?? throw new InvalidDataException("Empty XML document.");
    }

    private static string? Child(XElement parent, string localName)
    {
        foreach (var e in parent.Elements())
        {
            if (e.Name.LocalName == localName)
            {
                return e.Value;
            }
        }

        return null;
    }

    private static string Required(XElement parent, string localName) =>
        Child(parent, localName) ?? throw new InvalidDataException($"<{parent.Name.LocalName}> has no <{localName}>.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // S3's encoding-type=url is form encoding: '+' is a space, a literal '+' is %2B.
    private static string UrlDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
