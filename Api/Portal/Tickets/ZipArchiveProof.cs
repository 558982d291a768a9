namespace Api.Portal.Tickets;

/// <summary>
/// Whether a file is a plain ZIP archive (a log bundle, a folder of screenshots), not a program or
/// document dressed as one: a Java archive (META-INF/MANIFEST.MF) or an Office or other OPC package
/// ([Content_Types].xml, e.g. an .xlsm, .appx or .vsix renamed .zip) disagrees with the name.
/// </summary>
public static class ZipArchiveProof
{
    private static readonly string[] PackageMarkers = ["[Content_Types].xml", "META-INF/MANIFEST.MF"];

    public static ContentProof Prove(byte[] content)
    {
        using var archive = ZipInspection.Open(content);
        return archive is null || PackageMarkers.Any(marker => ZipInspection.Find(archive, marker) is not null)
            ? ContentProof.Disagrees
            : ContentProof.Proven;
    }
}
