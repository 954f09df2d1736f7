#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# New-KubeResource and Remove-KubeResource -Path (kubectl create -f / delete -f) as users type them, against a fake
# cluster; the real kubectl does the same on the same files where it is installed.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    function ConfigMap([string] $Name, [string] $Namespace) {
        "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $Name`n" + $(if ($Namespace) { "  namespace: $Namespace`n" })
    }
    function Write-Manifest([string] $RelativePath, [string[]] $Documents) {
        $path = Join-Path $TestDrive $RelativePath
        New-Item -ItemType Directory -Force -Path (Split-Path $path) | Out-Null
        Set-Content -LiteralPath $path -Value ($Documents -join "---`n") -NoNewline
        $path
    }
    # The targets of ShouldProcess in the order the command went through them ("configmap/a in namespace x (...)").
    function Get-Target($Records) {
        $Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing the operation*' } |
            ForEach-Object { ($_.Message -split '"')[3] -replace ' in namespace .*$', '' }
    }
    New-KubeNamespace shop | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'New-KubeResource' {
    It 'creates every document of a file, each output typed by its kind' {
        $file = Write-Manifest 'web.yaml' @(
            "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: web`nspec:`n  selector: {matchLabels: {app: web}}`n  template:`n    metadata: {labels: {app: web}}`n    spec: {containers: [{name: nginx, image: nginx}]}`n"
            "apiVersion: v1`nkind: Service`nmetadata:`n  name: web`nspec:`n  selector: {app: web}`n  ports: [{port: 80}]`n"
            (ConfigMap 'web-settings'))

        $created = New-KubeResource $file

        $created | ForEach-Object { $_.GetType().Name } | Should -Be @('Deployment', 'Service', 'ConfigMap')
        $created.Namespace | Should -Be @('default', 'default', 'default')
        (Get-KubeDeployment web).Name | Should -Be 'web'
        ($created | Format-Table | Out-String) | Should -Not -BeNullOrEmpty
    }

    It 'takes wildcards and a directory, whose subdirectories only count with -Recurse' {
        Write-Manifest 'tree/b.yaml' (ConfigMap 'tree-b') | Out-Null
        Write-Manifest 'tree/a.yml' (ConfigMap 'tree-a') | Out-Null
        Write-Manifest 'tree/notes.txt' 'not a manifest' | Out-Null
        Write-Manifest 'tree/sub/c.json' '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "tree-c"}}' | Out-Null

        (New-KubeResource (Join-Path $TestDrive 'tree') -Namespace shop).Name | Should -Be @('tree-a', 'tree-b')
        (New-KubeResource (Join-Path $TestDrive 'tree') -Recurse -Namespace shop -ErrorAction SilentlyContinue).Name | Should -Be @('tree-c')
        (New-KubeResource (Join-Path $TestDrive 'tree/*.y*ml') -WhatIf -Namespace shop -ErrorVariable failures -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        $failures.FullyQualifiedErrorId | Should -BeLike 'ConfigMapAlreadyExists,*'
        $failures.Count | Should -Be 2
        (Get-ChildItem (Join-Path $TestDrive 'tree') -Recurse -Filter *.json | New-KubeResource).Name | Should -Be 'tree-c'
    }

    It 'takes -LiteralPath for names with wildcard characters, and says when a path does not exist' {
        $file = Write-Manifest 'odd[1].yaml' (ConfigMap 'odd-one')

        (New-KubeResource -LiteralPath $file).Name | Should -Be 'odd-one'
        New-KubeResource (Join-Path $TestDrive 'nothere.yaml'), $file -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ManifestPathNotFound,*'
        New-KubeResource -LiteralPath (Join-Path $TestDrive 'nothere.yaml') -ErrorVariable literalFailures -ErrorAction SilentlyContinue
        $literalFailures[0].FullyQualifiedErrorId | Should -BeLike 'ManifestPathNotFound,*'
    }

    It 'creates from text piped line by line, as Get-Content gives it' {
        $file = Write-Manifest 'piped.yaml' @((ConfigMap 'piped-one'), (ConfigMap 'piped-two'))

        (Get-Content $file | New-KubeResource).Name | Should -Be @('piped-one', 'piped-two')
        (Get-Content -Raw $file | New-KubeResource -Namespace shop).Name | Should -Be @('piped-one', 'piped-two')
    }

    It 'creates what New-KubeDeployment -DryRun builds, and hashtables' {
        $created = New-KubeDeployment drywebby -Image nginx -DryRun | New-KubeResource
        $created.GetType().Name | Should -Be 'Deployment'
        (Get-KubeDeployment drywebby).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx'

        $fromTable = @{ apiVersion = 'v1'; kind = 'ConfigMap'; metadata = @{ name = 'from-table' }; data = @{ a = '1' } } | New-KubeResource
        $fromTable.Data['a'] | Should -Be '1'
    }

    It 'gives a generateName a new name each time' {
        $file = Write-Manifest 'job.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  generateName: migrate-`n"

        $names = 1..2 | ForEach-Object { (New-KubeResource $file).Name }

        $names | Should -Match '^migrate-[a-z0-9]{5}$'
        $names[0] | Should -Not -Be $names[1]
    }

    It 'makes a failing document one error naming its file and document, and still creates the others' {
        $file = Write-Manifest 'mixed.yaml' @((ConfigMap 'mixed-one'), "apiVersion: v1`nkind: ConfigMap`nmetadata:`n`tname: tabbed`n", (ConfigMap 'web-settings'), (ConfigMap 'mixed-four'))

        $created = New-KubeResource $file -ErrorVariable failures -ErrorAction SilentlyContinue

        $created.Name | Should -Be @('mixed-one', 'mixed-four')
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ManifestNotReadable,*'
        $failures[0].ToString() | Should -Be "${file}:9:1: document 2: found a tab character in the indentation; YAML indents with spaces only"
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'ConfigMapAlreadyExists,*'
        $failures[1].ToString() | Should -Be "$file, document 3: configmaps ""web-settings"" already exists"
        $failures[1].TargetObject.Name | Should -Be 'web-settings'
    }

    It 'with -WhatIf creates nothing, but reports what the server would refuse' {
        $file = Write-Manifest 'whatif.yaml' @((ConfigMap 'whatif-new'), (ConfigMap 'web-settings'), (ConfigMap 'Not_Valid'))

        New-KubeResource $file -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Get-KubeResource configmaps whatif-new -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConfigMapAlreadyExists,*'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'ConfigMapInvalid,*'
        $failures[1].ToString() | Should -BeLike "$file, document 3: *Not_Valid*"
    }

    It 'refuses an object whose namespace differs from -Namespace, as kubectl does, and creates the others' {
        $file = Write-Manifest 'ns.yaml' @((ConfigMap 'ns-one'), (ConfigMap 'ns-two' 'kube-public'))

        $created = New-KubeResource $file -Namespace shop -ErrorVariable failures -ErrorAction SilentlyContinue

        $created.Name | Should -Be 'ns-one'
        $created.Namespace | Should -Be 'shop'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'NamespaceMismatch,*'
        $failures[0].ToString() | Should -BeLike "$file, document 2: the namespace from the provided object ""kube-public"" does not match the namespace ""shop"". *"
    }

    It 'is refused the same way by kubectl' -Skip:$noKubectl {
        $file = Write-Manifest 'ns-kubectl.yaml' (ConfigMap 'ns-kubectl' 'kube-public')
        kubectl --kubeconfig $kubeconfig create -f $file -n shop 2>&1 | Out-String |
            Should -BeLike '*the namespace from the provided object "kube-public" does not match the namespace "shop".*'
    }

    It 'creates the same objects as kubectl create -f, which then finds them there' -Skip:$noKubectl {
        # (kubectl validates a List against /openapi/v2, which the fake cluster does not serve.)
        $file = Write-Manifest 'twin.yaml' @((ConfigMap 'twin-one'), (ConfigMap 'twin-two' 'shop'))

        (New-KubeResource $file).Name | Should -Be @('twin-one', 'twin-two')

        $output = kubectl --kubeconfig $kubeconfig create -f $file 2>&1 | Out-String
        $output | Should -BeLike '*configmaps "twin-one" already exists*'
        $output | Should -BeLike '*configmaps "twin-two" already exists*'
    }
}

Describe 'Remove-KubeResource -Path' {
    It 'deletes the objects of a manifest in the reverse order of its documents' {
        $file = Write-Manifest 'rm.yaml' @((ConfigMap 'rm-one'), (ConfigMap 'rm-two' 'shop'), (ConfigMap 'rm-three'))
        New-KubeResource $file | Out-Null

        $records = Remove-KubeResource -Path $file -Verbose 4>&1

        Get-Target $records | Should -Be @('configmap/rm-three', 'configmap/rm-two', 'configmap/rm-one')
        Get-KubeResource configmaps rm-one, rm-three -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeResource configmaps rm-two -Namespace shop -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'makes each missing object an error naming its document, unless -IgnoreNotFound, and deletes the rest' {
        $file = Write-Manifest 'rm-missing.yaml' @((ConfigMap 'rm-there'), (ConfigMap 'rm-gone'))
        ConfigMap 'rm-there' | New-KubeResource | Out-Null

        Remove-KubeResource -Path $file -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConfigMapNotFound,*'
        $failures[0].ToString() | Should -Be "$file, document 2: configmaps ""rm-gone"" not found"
        Get-KubeResource configmaps rm-there -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Remove-KubeResource -Path $file -IgnoreNotFound -ErrorVariable quiet
        $quiet | Should -BeNullOrEmpty
    }

    It 'deletes what New-KubeResource created from a directory tree, and kubectl finds nothing left' -Skip:$noKubectl {
        Write-Manifest 'app/1-namespace.yaml' "apiVersion: v1`nkind: Namespace`nmetadata:`n  name: app-ns`n" | Out-Null
        Write-Manifest 'app/2-config/settings.yaml' (ConfigMap 'app-settings' 'app-ns') | Out-Null
        $folder = Join-Path $TestDrive 'app'
        (New-KubeResource $folder -Recurse).Name | Should -Be @('app-ns', 'app-settings')

        $records = Remove-KubeResource -Path $folder -Recurse -Verbose 4>&1

        Get-Target $records | Should -Be @('configmap/app-settings', "namespace/app-ns ($(Join-Path $folder '1-namespace.yaml'), document 1)")
        kubectl --kubeconfig $kubeconfig get configmap app-settings -n app-ns 2>&1 | Out-String | Should -BeLike '*not found*'
    }
}
