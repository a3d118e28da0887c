using System.Security.Cryptography;
using System.Text;

namespace FundManager.Api.Demo;

/// <summary>
/// Deterministic ids for the demo data set: the same name always gives the same id, so loading the
/// set twice replays the first load's commands instead of posting anything twice.
/// </summary>
public static class DemoIds
{
    public static Guid For(string kind, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"fundmanager-demo/{kind}/{name}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
