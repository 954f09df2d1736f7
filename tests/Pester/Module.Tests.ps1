#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The built module folder imports cleanly, exports exactly what its manifest lists, and has help for every cmdlet.
BeforeAll {
    $moduleFolder = Join-Path $PSScriptRoot '../../out/PSKube'
    $manifestPath = Join-Path $moduleFolder 'PSKube.psd1'
}

Describe 'PSKube module' {
    It 'has a valid manifest' {
        $manifest = Test-ModuleManifest -Path $manifestPath
        $manifest.RootModule | Should -Be 'PSKube.dll'
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'imports and exports the cmdlets its manifest lists' {
        $module = Import-Module $manifestPath -PassThru -Force
        $manifest = Import-PowerShellDataFile -Path $manifestPath
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        Remove-Module $module
    }
}

BeforeDiscovery {
    $cmdlets = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1')).CmdletsToExport | ForEach-Object { @{ Name = $_ } }
}

Describe 'PSKube help (generated from docs/help)' {
    BeforeAll {
        Import-Module $manifestPath -Force
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    AfterAll {
        Remove-Module PSKube -ErrorAction SilentlyContinue
    }

    It 'Get-Help Get-KubePod -Full shows the synopsis, the parameters and the examples' {
        $help = Get-Help Get-KubePod -Full
        $help.Synopsis | Should -BeLike 'Gets pods by name, wildcard, label selector*'
        $selector = $help.parameters.parameter | Where-Object name -EQ 'Selector'
        ($selector.description.Text -join ' ') | Should -BeLike 'A label selector, as ?kubectl -l?: *'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $text = $help | Out-String -Width 250
        $text | Should -Match 'A label selector, as `kubectl -l`'
        $text | Should -Match 'Example 1: List the pods of the system namespace'
        $text | Should -Match ([regex]::Escape('PS> Get-KubePod -Selector job-name=flipcoin'))
    }

    It 'Get-Help about_PSKube shows the topic' {
        $text = Get-Help about_PSKube | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'Drive Kubernetes from PowerShell'
    }

    It '<Name> documents each of its parameters with the real type, position and pipeline input' -ForEach $cmdlets {
        $command = Get-Command $Name
        $documented = @{}
        foreach ($parameter in (Get-Help $Name -Full).parameters.parameter) { $documented[$parameter.name] = $parameter }
        $real = $command.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' }
        @($documented.Keys | Sort-Object) | Should -Be @($real.Name | Sort-Object)
        foreach ($parameter in $real) {
            $help = $documented[$parameter.Name]
            $type = $parameter.ParameterType
            if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type = $type.GetGenericArguments()[0] }
            $help.type.name | Should -Be $type.Name -Because "the type of -$($parameter.Name)"
            $attributes = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $positions = $attributes | ForEach-Object { if ($_.Position -ge 0) { "$($_.Position)" } else { 'named' } }
            $positions | Should -Contain $help.position -Because "the position of -$($parameter.Name)"
            $kinds = @(if ($attributes.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' }
                if ($attributes.ValueFromPipeline -contains $true) { 'ByValue' })
            $pipeline = if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
            $help.pipelineInput | Should -Be $pipeline -Because "the pipeline input of -$($parameter.Name)"
        }
    }
}

# A session's first command starts a warm-up (kubeconfig parsed, certificate store read, decoding compiled) on
# background threads: users must not notice it, whatever their kubeconfig holds.
Describe 'Importing PSKube in a new pwsh' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
        $folder = (New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) "pskube-import-$([guid]::NewGuid().ToString('N'))")).FullName

        function Invoke-AfterImport([string] $Kubeconfig, [string] $Script) {
            $startInfo = New-FreshPwshStartInfo "Import-Module '$manifestPath'; Start-Sleep -Milliseconds 500; $Script"
            $startInfo.Environment['KUBECONFIG'] = $Kubeconfig
            Wait-FreshPwsh $startInfo
        }
    }

    AfterAll {
        Remove-Item -LiteralPath $folder -Recurse -Force
    }

    It 'says nothing of a broken kubeconfig until a command reads it' {
        $kubeconfig = Join-Path $folder 'broken'
        Set-Content -LiteralPath $kubeconfig -Value 'clusters: [unclosed'

        $run = Invoke-AfterImport $kubeconfig "'imported'; try { Get-KubePod -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"

        $run.Errors | Should -BeNullOrEmpty
        $run.Lines | Should -Be 'imported', 'KubeConfigUnusable,PSKube.Commands.Pods.GetKubePodCommand'
    }

    It 'runs no exec plugin and contacts no server for a command that only reads the kubeconfig' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $marker = Join-Path $folder 'plugin-ran'
            $plugin = Join-Path $folder 'plugin'
            Set-Content -LiteralPath $plugin -Value "#!/bin/sh`ntouch '$marker'`necho '{}'"
            if (-not $IsWindows) { chmod +x $plugin }
            $kubeconfig = Join-Path $folder 'exec'
            Set-Content -LiteralPath $kubeconfig -Value @"
apiVersion: v1
kind: Config
current-context: x
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:$($listener.LocalEndpoint.Port)', insecure-skip-tls-verify: true}}]
users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: '$plugin', interactiveMode: Never}}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
"@

            # Get-KubeContext reads the kubeconfig only; as the session's first command it starts the warm-up.
            $run = Invoke-AfterImport $kubeconfig "(Get-KubeContext).Name; Start-Sleep -Milliseconds 500"

            $run.Lines | Should -Be 'x'
            $run.Errors | Should -BeNullOrEmpty
            $marker | Should -Not -Exist
            $listener.Pending() | Should -BeFalse
        }
        finally {
            $listener.Stop()
        }
    }
}
