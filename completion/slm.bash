# bash completion for slm
_slm() {
	local cur prev words cword
	_init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; cword=$COMP_CWORD; words=("${COMP_WORDS[@]}"); }
	local cmds="validate check build render new diff rules explain"
	if [ "$cword" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$cmds --help --version" -- "$cur"))
		return
	fi
	case "$prev" in
	--format) COMPREPLY=($(compgen -W "text json junit sarif svrl github xml" -- "$cur")); return ;;
	--as-of) COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur")); return ;;
	-o|--output|--repository) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--stylesheet) COMPREPLY=($(compgen -f -X '!*.xsl' -- "$cur")); return ;;
	--config|-MF) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case "${words[1]}" in
	explain) COMPREPLY=($(compgen -W "$(slm rules 2>/dev/null | awk 'NR>1 && NF>2 {print $1}')" -- "$cur")) ;;
	new)
		if [ "$cword" -eq 2 ]; then
			COMPREPLY=($(compgen -W "organization catalog requirements sla ola contract decomposition proposal initiation report review termination" -- "$cur"))
		elif [[ "$cur" == --* ]]; then
			COMPREPLY=($(compgen -W "--sla --service --dept --person --owner --manager --supplier --customer --requirements --catalog --calendar --amends --renews --decomposition --proposal --party" -- "$cur"))
		fi ;;
	validate) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--format -o --quiet --help" -- "$cur")) || COMPREPLY=($(compgen -f -- "$cur")) ;;
	check) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--as-of --format -o --werror --config --no-config --quiet --help" -- "$cur")) || COMPREPLY=($(compgen -d -- "$cur")) ;;
	build) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-o --as-of -j --force --quiet --verbose --help" -- "$cur")) || COMPREPLY=($(compgen -d -- "$cur")) ;;
	render) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-o --stylesheet --repository --as-of --layout -MD -MF --targets --quiet --help" -- "$cur")) || COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur")) ;;
	diff) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--markdown --textconv --help" -- "$cur")) || COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur")) ;;
	esac
}
complete -F _slm slm
