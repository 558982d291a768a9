using System.IO.Compression;
using Api.Portal.Tickets;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// The ZIP and Office checks on their own: damaged or hostile archives are refused, never a
/// crash (an exception here would be a 500 for the user), and nothing is expanded past its cap.
/// </summary>
public sealed class AttachmentContentTests
{
    [Fact]
    [Trait("ASVS", "12.2.1")]
    public void Damaged_archives_are_refused_and_never_throw()
    {
        var random = new Random(17);
        var originals = new[] { AttachmentFiles.Named("docx"), AttachmentFiles.Named("zip") };
        var proven = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])originals[i % 2].Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var truncated = random.Next(4) == 0 ? bytes[..random.Next(4, bytes.Length)] : bytes;

            var docx = OfficeDocumentProof.Prove(truncated, "word/document.xml", AttachmentFiles.WordMain);
            var zip = ZipArchiveProof.Prove(truncated);

            proven += docx == ContentProof.Proven || zip == ContentProof.Proven ? 1 : 0;
        }

        // Flips in file data or unread fields leave a valid archive: some must still pass.
        Assert.InRange(proven, 1, 2999);
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public void A_types_list_that_expands_past_its_cap_is_not_read_to_the_end()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // 64 MB of spaces compress to a few kilobytes: a bomb if it were read whole.
            using (var types = archive.CreateEntry("[Content_Types].xml", CompressionLevel.SmallestSize).Open())
            {
                var spaces = new byte[1024 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (var i = 0; i < 64; i++)
                {
                    types.Write(spaces);
                }
            }

            using var main = archive.CreateEntry("word/document.xml").Open();
            main.Write("<document/>"u8);
        }

        Assert.True(buffer.Length < TicketRules.MaxAttachmentBytes);
        Assert.Equal(ContentProof.Disagrees, OfficeDocumentProof.Prove(buffer.ToArray(), "word/document.xml", AttachmentFiles.WordMain));
    }

    [Fact]
    public void A_types_list_with_a_dtd_is_not_parsed()
    {
        var withDtd = AttachmentFiles.Zip(
            ("[Content_Types].xml",
                "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + $"<Override PartName=\"/word/document.xml\" ContentType=\"{AttachmentFiles.WordMain}\"/>&x;</Types>"),
            ("word/document.xml", "<document/>"));

        Assert.Equal(ContentProof.Disagrees, OfficeDocumentProof.Prove(withDtd, "word/document.xml", AttachmentFiles.WordMain));
    }
}
