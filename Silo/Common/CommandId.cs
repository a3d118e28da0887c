using System.Security.Cryptography;
using System.Text;

namespace FundManager.Common;

/// <summary>
/// Identifies one command as its sender meant it. Sending the same id again returns the
/// first result and changes nothing (enforced by a unique key in the command's own transaction).
/// </summary>
public readonly record struct CommandId(Guid Value)
{
    public static CommandId New() => new(Guid.NewGuid());

    /// <summary>
    /// The id of a command that must happen once whoever sends it and however often, named by what it does (the receipt
    /// of a bank entry, of a processor's event): the same name always gives the same id.
    /// </summary>
    public static CommandId Of(string name) => new(Hashed(name));

    /// <summary>
    /// The id of something the command creates (<paramref name="purpose"/>: <c>pledge</c>, <c>receipt</c>, …) when the
    /// sender named none: the same command id always gives the same id, so a command sent again reaches the same entity.
    /// </summary>
    public Guid Derive(string purpose) => Hashed(Value.ToString("N") + "/" + purpose);

    private static Guid Hashed(string text)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), bytes);

        // RFC 9562 version 8 (vendor-specific) with the RFC variant, so it is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes[..16], bigEndian: true);
    }

    public override string ToString() => Value.ToString("D");
}
