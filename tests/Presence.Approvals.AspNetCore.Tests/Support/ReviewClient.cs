using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Presence.Approvals.AspNetCore.Tests.Support;

/// <summary>An HTTP client that behaves like a browser with scripts off: keeps cookies, reads pages, submits their forms.</summary>
public sealed class ReviewClient : IDisposable
{
    public ReviewClient(Uri address)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public async Task<Page> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return await Page.ReadAsync(response);
    }

    /// <summary>Submits the form matched by <paramref name="selector"/> on <paramref name="page"/>, with its hidden fields and these values.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Page page, string selector, params (string Name, string Value)[] values)
    {
        var form = page.Document.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on the page:\n{page.Html}");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty)).ToList();
        fields.AddRange(values);
        return await PostAsync(form.GetAttribute("action")!, fields.ToArray());
    }

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
        => Http.PostAsync(path.TrimStart('/'), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public void Dispose() => Http.Dispose();
}

public sealed class Page
{
    private Page(HttpResponseMessage response, string html, IDocument document)
    {
        Response = response;
        Html = html;
        Document = document;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Html { get; }

    public IDocument Document { get; }

    /// <summary>The visible text of the main part of the page.</summary>
    public string MainText => (Document.QuerySelector("main") ?? Document.Body)?.TextContent ?? string.Empty;

    public static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        return new Page(response, html, document);
    }
}
