namespace Api.Portal.Tickets;

/// <summary>
/// One kind of file a ticket accepts: the names it goes by, the types a browser declares for it,
/// and the check its bytes must pass. The first extension is the one it is stored and downloaded
/// under, whatever the uploader's name said.
/// </summary>
/// <param name="Extensions">Lower case with the dot; the first is the canonical one.</param>
/// <param name="ContentType">What is stored and served.</param>
/// <param name="DeclaredTypes">Media types a browser sends for this kind (besides none or application/octet-stream).</param>
/// <param name="Prove">Whether the file's own bytes are this kind.</param>
public sealed record AttachmentKind(
    IReadOnlyList<string> Extensions,
    string ContentType,
    IReadOnlyList<string> DeclaredTypes,
    Func<byte[], ContentProof> Prove)
{
    public string Extension => Extensions[0];
}

/// <summary>What a file's bytes say about the kind its name claims.</summary>
public enum ContentProof
{
    Proven,
    Disagrees,

    /// <summary>An Office document that carries macros (VBA or Excel 4.0 sheets).</summary>
    HoldsMacros,
}
