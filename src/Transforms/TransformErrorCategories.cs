namespace Upt.Transforms;

/// <summary>Error categories, named as UPT names them so error records stay comparable.</summary>
public static class TransformErrorCategories
{
    /// <summary>Envelope or transform failure (UPT's Python stage category).</summary>
    public const string TransformerException = "transformer_exception";
}
