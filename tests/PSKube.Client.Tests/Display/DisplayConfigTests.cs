using System.Reflection;
using PSKube.Client.Models;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayConfigTests
{
    [Fact]
    public void Display_ConfigMap_CountsTextAndBinaryKeys()
    {
        var configMap = PrintingTestData.Read<ConfigMap>("""{"metadata":{"name":"cfg"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AAE="}}""");
        Assert.Equal(3, configMap.DataCount);
        DisplayCells.Match(configMap, ("Data", configMap.DataCount));
    }

    [Fact]
    public void Display_Secret_CountsKeys()
    {
        var secret = PrintingTestData.Read<Secret>("""{"metadata":{"name":"db"},"type":"Opaque","data":{"user":"YWRtaW4=","password":"aHVudGVyMg=="}}""");
        Assert.Equal(2, secret.DataCount);
        DisplayCells.Match(secret, ("Type", secret.Type!), ("Data", secret.DataCount));
    }

    [Fact]
    public void Display_Secret_NoDisplayPropertyHoldsAValue()
    {
        var secret = PrintingTestData.Read<Secret>("""{"metadata":{"name":"db"},"data":{"password":"aHVudGVyMg=="},"stringData":{"token":"plain-token"}}""");
        var shown = typeof(Secret).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name is not ("Data" or "StringData"))
            .Select(property => property.GetValue(secret)?.ToString() ?? string.Empty);
        Assert.All(shown, text =>
        {
            Assert.DoesNotContain("aHVudGVyMg==", text, StringComparison.Ordinal);
            Assert.DoesNotContain("plain-token", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Display_ServiceAccount_CountsSecrets()
    {
        var account = PrintingTestData.Read<ServiceAccount>("""{"metadata":{"name":"builder"},"secrets":[{"name":"builder-token"}]}""");
        Assert.Equal(1, account.SecretCount);
        DisplayCells.Match(account, ("Secrets", account.SecretCount));
    }

    [Fact]
    public void Display_Counts_AreZeroWhenEmpty()
    {
        Assert.Equal(0, new ConfigMap().DataCount);
        Assert.Equal(0, new Secret().DataCount);
        Assert.Equal(0, new ServiceAccount().SecretCount);
    }
}
