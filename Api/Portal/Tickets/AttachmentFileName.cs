namespace Api.Portal.Tickets;

/// <summary>
/// The name an attachment is stored and downloaded under: the browser's name without any folder,
/// control or path characters, at most 255 characters; "attachment" plus an extension when
/// nothing usable is left.
/// </summary>
public static class AttachmentFileName
{
    private const int MaxLength = 255;

    public static string Clean(string? sent, string contentType)
    {
        var name = (sent ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim(' ', '.');
        if (name.Length == 0)
        {
            name = "attachment" + Extension(contentType);
        }

        return name.Length <= MaxLength ? name : name[^MaxLength..];
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        "application/zip" => ".zip",
        _ => ".txt",
    };
}
